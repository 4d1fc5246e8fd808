/* A client of the system test: calls the server with a number and prints the answer. */
#include <sel4/sel4.h>
#include <stdio.h>

seL4_CPtr endpoint;
seL4_CPtr self;

int main(void)
{
    seL4_SetMR(0, 20);
    seL4_MessageInfo_t reply = seL4_Call(endpoint, seL4_MessageInfo_new(0, 0, 0, 1));
    printf("client: %lu (label %lu)\n", (unsigned long) seL4_GetMR(0), (unsigned long) seL4_MessageInfo_get_label(reply));
    return 0;
}
