/* A root task that never ends, for attaching to a running machine: it counts for ever. */
volatile long ticks;

int main(void)
{
    for (;;) {
        ticks++;
    }
}
