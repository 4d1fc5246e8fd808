/*
 * timer, the driver: it takes the timer's interrupt line with IRQControl_Get, has it signal a
 * notification (the cap's badge, TICK, is what each interrupt adds to the notification's word),
 * and then waits. The kernel masks the line when it delivers an interrupt; the driver's Ack
 * unmasks it for the next one. The worker signals the same notification with DONE when it has
 * finished, and the driver reports how many ticks it counted.
 */
#include <stdio.h>
#include <sel4/sel4.h>
#include <utils/util.h>

#define TIMER_IRQ 1
#define TICK 1
#define DONE 2

/* Slots of this program's CNode, bound by the system description. */
seL4_CPtr irq_control;
seL4_CPtr ticks;     /* the notification, badge TICK */
seL4_CPtr cnode;     /* this program's CNode */
seL4_CPtr timer_irq; /* empty: the IRQ handler cap goes here */

int main(void)
{
    seL4_Error error = seL4_IRQControl_Get(irq_control, TIMER_IRQ, cnode, timer_irq, seL4_WordBits);
    ZF_LOGF_IF(error, "Failed to get the timer's IRQ handler");
    error = seL4_IRQHandler_SetNotification(timer_irq, ticks);
    ZF_LOGF_IF(error, "Failed to set the timer's notification");
    printf("Driver: waiting for timer interrupt %d\n", TIMER_IRQ);

    seL4_Word count = 0;
    for (;;) {
        seL4_Word badge;
        seL4_Wait(ticks, &badge);
        if (badge & TICK) {
            count++;
            error = seL4_IRQHandler_Ack(timer_irq);
            ZF_LOGF_IF(error, "Failed to acknowledge the timer");
        }
        if (badge & DONE) {
            break;
        }
    }
    printf("Driver: %lu ticks, each acknowledged, while the worker computed\n", (unsigned long) count);
    return 0;
}
