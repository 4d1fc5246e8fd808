/* A main that stops in a trap before returning: crt0 never records an exit status. */
int main(void)
{
    __builtin_trap();
}
