/*
 * pager, the pager: it serves the client's VM faults. A fault's message gives the address and
 * the FSR (5 for a load, 7 for a store). Inside a window, the pager retypes a frame from its
 * untyped pool into its own CNode and maps it into the client's VSpace, retyping and mapping the
 * page tables that are missing on the way. The reply
 * carries nothing: a VM fault reply always restarts the faulting instruction. Outside every
 * window it does not reply; its next Recv drops the reply cap, and the client stays blocked.
 */
#include <stdio.h>
#include <sel4/sel4.h>
#include <utils/util.h>
#include "../common/map_page.h"

#define PAGE_SIZE 4096UL
/* The first slot of this program's CNode that the description leaves free. */
#define FIRST_FREE_SLOT 16

/* Slots of this program's CNode, bound by the system description. */
seL4_CPtr fault_ep;      /* the endpoint the client's faults come through */
seL4_CPtr client_vspace; /* the client's VSpace */
seL4_CPtr pool;          /* the untyped memory frames and page tables come from */
seL4_CPtr cnode;         /* this program's CNode, where they go */

/* A window: a range of the client's address space that the pager backs with fresh frames. */
struct window {
    const char *name;
    seL4_Word base;
    seL4_Word size;
};

static const struct window windows[] = {
    {"heap", 0x40000000UL, 16 * PAGE_SIZE},
    {"buffer", 0x40200000UL, 4 * PAGE_SIZE},
};

static seL4_CPtr next_slot = FIRST_FREE_SLOT;

static const struct window *window_of(seL4_Word address)
{
    for (seL4_Word i = 0; i < ARRAY_SIZE(windows); i++) {
        if (address - windows[i].base < windows[i].size) {
            return &windows[i];
        }
    }
    return NULL;
}

/* One object of type from the pool, in the next free slot of this CNode. */
static seL4_CPtr retype(seL4_Word type)
{
    seL4_CPtr slot = next_slot++;
    seL4_Error error = seL4_Untyped_Retype(pool, type, 0, cnode, 0, 0, slot, 1);
    ZF_LOGF_IF(error, "Failed to retype object type %lu from the pool", (unsigned long) type);
    return slot;
}

static seL4_CPtr new_page_table(seL4_Word vaddr, seL4_Word level)
{
    (void) vaddr;
    printf("Pager:   a page table for the %s region first\n", level == SEL4_MAPPING_LOOKUP_NO_PT ? "2 MiB" : "1 GiB");
    return retype(seL4_RISCV_PageTableObject);
}

int main(void)
{
    seL4_Word badge;
    seL4_MessageInfo_t info = seL4_Recv(fault_ep, &badge);
    for (;;) {
        ZF_LOGF_IF(seL4_MessageInfo_get_label(info) != seL4_Fault_VMFault, "Expected a VM fault");
        seL4_Word address = seL4_GetMR(seL4_VMFault_Addr);
        const char *access = seL4_GetMR(seL4_VMFault_FSR) == 7 ? "write" : "read";
        const struct window *window = window_of(address);
        if (window == NULL) {
            printf("Pager: client %lu: %s at 0x%lx is outside every window; no reply\n", (unsigned long) badge, access,
                   (unsigned long) address);
            info = seL4_Recv(fault_ep, &badge);
            continue;
        }
        seL4_Word page = address & ~(PAGE_SIZE - 1);
        printf("Pager: client %lu: %s at 0x%lx, page %lu of window %s\n", (unsigned long) badge, access,
               (unsigned long) address, (unsigned long) ((page - window->base) / PAGE_SIZE), window->name);
        map_page(retype(seL4_RISCV_4K_Page), client_vspace, page, seL4_ReadWrite, new_page_table);
        info = seL4_ReplyRecv(fault_ep, seL4_MessageInfo_new(0, 0, 0, 0), &badge);
    }
    return 0;
}
