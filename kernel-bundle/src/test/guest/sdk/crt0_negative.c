/* A main that fails: crt0 must keep the negative status as the int it was, sign-extended. */
int main(void)
{
    return -3;
}
