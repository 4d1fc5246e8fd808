/* The server of the system test: answers each call with its number plus the caller's badge. */
#include <sel4/sel4.h>
#include <stdio.h>

seL4_CPtr endpoint;

int main(void)
{
    seL4_Word badge;
    seL4_Recv(endpoint, &badge);
    printf("server: got %lu from badge %lu\n", (unsigned long) seL4_GetMR(0), (unsigned long) badge);
    seL4_SetMR(0, seL4_GetMR(0) + badge);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 1));
    seL4_Recv(endpoint, &badge);
    return 0;
}
