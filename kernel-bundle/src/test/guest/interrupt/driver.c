/* A timer driver: binds its notification to the timer's interrupt, counts ten ticks,
   acknowledging each, then reports how far the computing thread got. */
#include <sel4/sel4.h>
#include <stdio.h>

seL4_CPtr timer_irq;
seL4_CPtr timer_signal;
seL4_CPtr self;
volatile unsigned long *progress = (volatile unsigned long *) 0x40000000;

int main(void)
{
    seL4_Error error = seL4_IRQHandler_SetNotification(timer_irq, timer_signal);
    if (error != seL4_NoError) {
        printf("driver: SetNotification failed: %d\n", error);
        return 1;
    }
    for (int tick = 1; tick <= 10; tick++) {
        seL4_Word badge;
        seL4_Wait(timer_signal, &badge);
        printf("driver: tick %d (badge %lu), worker at %lu\n", tick, (unsigned long) badge, *progress);
        seL4_IRQHandler_Ack(timer_irq);
    }
    return 0;
}
