/*
 * ipc: seL4's "IPC" tutorial as a root task.
 *
 * In the tutorial a loader (capDL) starts three programs, a server and two clients, each with
 * a CSpace of its own. Here the root task builds that itself and then becomes the server:
 *
 *   - it retypes an endpoint, and for each client a CNode and a TCB;
 *   - it fills each client's CNode, as the loader would, with the endpoint, a cap to the CNode
 *     itself, an empty slot and the client's TCB, and starts the client in that CSpace (the
 *     clients share the root task's address space: their stacks and IPC buffers are in .bss);
 *   - as the server, it answers each client's first Call with a badged copy of the endpoint,
 *     minted with the client's id as badge and sent in the reply (cap transfer);
 *   - the clients then Call through their badged endpoints, one word each time, one character
 *     per message register, and the server prints the words. It keeps the two clients in step:
 *     it holds a client's reply (seL4_CNode_SaveCaller) until the other client has spoken, then
 *     answers the held one through the saved reply cap (seL4_Send) and the current one with
 *     seL4_ReplyRecv. Client 2 runs at a higher priority than client 1, so it speaks first.
 *
 * Build: make -C examples; run: ./faultline run examples/target/ipc.elf
 */
#include <assert.h>
#include <stdio.h>
#include <sel4/sel4.h>
#include <sel4platsupport/bootinfo.h>
#include <sel4utils/helpers.h>
#include <sel4utils/strerror.h>
#include <utils/util.h>

/* SDK's link.ld places the program's image at 0x10000; the kernel gives the root task one frame
   cap per page of it, in order, from bootinfo->userImageFrames.start. */
#define IMAGE_START 0x10000UL
#define PAGE_BITS 12

/* A client's CSpace is one CNode of 2^CLIENT_CNODE_BITS slots, laid out as the tutorial's loader
   lays out a program's CNode: its caps in declaration order from slot 1. */
#define CLIENT_CNODE_BITS 4
enum {
    CLIENT_ENDPOINT = 1,        /* the server's endpoint, unbadged */
    CLIENT_CNODE = 2,           /* this CNode itself: the receive path names a slot through it */
    CLIENT_BADGED_ENDPOINT = 3, /* empty until the server's badged endpoint arrives */
    CLIENT_TCB = 4,             /* the client's own TCB, to stop itself when it is done */
};

/* What the root task tells a client thread (its one argument, in a0). */
struct client {
    int id;
    const char *name;
    seL4_Word priority;
    const char *const *words;
    int count;
    seL4_IPCBuffer *ipc;
    char *stack_top;
};

static const char *const client_1_words[] = {"quick", "fox", "over", "lazy"};
static const char *const client_2_words[] = {"the", "brown", "jumps", "the", "dog"};
#define TOTAL_WORDS (ARRAY_SIZE(client_1_words) + ARRAY_SIZE(client_2_words))

/* Each client's IPC buffer (1 KiB, 1 KiB aligned by its type) and stack (16-byte aligned top). */
static seL4_IPCBuffer client_ipc[2];
static char client_stack[2][8192] ALIGN(16);

static struct client clients[2] = {
    {1, "client_1", 253, client_1_words, ARRAY_SIZE(client_1_words), &client_ipc[0], client_stack[0] + 8192},
    {2, "client_2", 254, client_2_words, ARRAY_SIZE(client_2_words), &client_ipc[1], client_stack[1] + 8192},
};

/* The server's slots in the root CNode. */
static seL4_CPtr endpoint;   /* the endpoint, all rights, no badge */
static seL4_CPtr free_slot;  /* a badged copy of it, on its way to a client */
static seL4_CPtr reply_slot; /* the reply cap of the client kept waiting */

/*
 * A client thread. Its CPtrs are slots of its own CNode, so CLIENT_ENDPOINT here is not the
 * server's `endpoint`.
 *
 * This SDK keeps libsel4's IPC buffer pointer (seL4_GetIPCBuffer) in one global variable, like
 * libsel4 without thread-local storage: in this shared address space it points at the server's
 * buffer. So a client uses its own buffer through me->ipc, and the ...WithMRs system calls,
 * which carry MR0..MR3 in registers and never touch the global's buffer.
 */
static void client_main(void *arg0, void *arg1, void *arg2)
{
    (void) arg1;
    (void) arg2;
    struct client *me = arg0;
    seL4_IPCBuffer *ipc = me->ipc;

    printf("Client %d: waiting for badged endpoint\n", me->id);
    /* The receive path: a cap that comes with a message goes to slot CLIENT_BADGED_ENDPOINT of
       the CNode at CLIENT_CNODE (what seL4_SetCapReceivePath writes into the IPC buffer). */
    ipc->receiveCNode = CLIENT_CNODE;
    ipc->receiveIndex = CLIENT_BADGED_ENDPOINT;
    ipc->receiveDepth = seL4_WordBits;

    /* Call: send our id in MR0 and block until the server replies. */
    seL4_Word id = me->id;
    seL4_MessageInfo_t info = seL4_CallWithMRs(CLIENT_ENDPOINT, seL4_MessageInfo_new(0, 0, 0, 1), &id, NULL, NULL,
                                               NULL);
    assert(seL4_MessageInfo_get_extraCaps(info) == 1);
    printf("Client %d: received badged endpoint\n", me->id);

    for (int i = 0; i < me->count; i++) {
        /* One character per message register: MR0..MR3 go in registers, MR4 on in the buffer. */
        seL4_Word mr[4] = {0};
        int length;
        for (length = 0; me->words[i][length] != '\0'; length++) {
            if (length < 4) {
                mr[length] = me->words[i][length];
            } else {
                ipc->msg[length] = me->words[i][length];
            }
        }
        seL4_CallWithMRs(CLIENT_BADGED_ENDPOINT, seL4_MessageInfo_new(0, 0, 0, length), &mr[0], &mr[1], &mr[2],
                         &mr[3]);
    }
    printf("Client %d: done\n", me->id);
    seL4_TCB_Suspend(CLIENT_TCB);
}

/* Retypes one object from the first untyped of normal memory with room for it, into slot. */
static void retype(seL4_BootInfo *info, seL4_Word type, seL4_Word size_bits, seL4_CPtr slot)
{
    for (seL4_CPtr untyped = info->untyped.start; untyped < info->untyped.end; untyped++) {
        if (info->untypedList[untyped - info->untyped.start].isDevice) {
            continue;
        }
        seL4_Error error = seL4_Untyped_Retype(untyped, type, size_bits, seL4_CapInitThreadCNode, 0, 0, slot, 1);
        if (error == seL4_NoError) {
            return;
        }
        ZF_LOGF_IF(error != seL4_NotEnoughMemory, "Failed to retype: %s", sel4_strerror(error));
    }
    ZF_LOGF("No untyped memory left");
}

/* Builds a client's CSpace and thread, and starts it. */
static void start_client(seL4_BootInfo *info, struct client *client, seL4_CPtr cnode, seL4_CPtr tcb)
{
    retype(info, seL4_CapTableObject, CLIENT_CNODE_BITS, cnode);
    retype(info, seL4_TCBObject, seL4_TCBBits, tcb);

    /* Fill the client's CNode through our cap to it. That cap has no guard, so its slots are
       addressed at depth CLIENT_CNODE_BITS. */
    seL4_Error error = seL4_CNode_Copy(cnode, CLIENT_ENDPOINT, CLIENT_CNODE_BITS, seL4_CapInitThreadCNode, endpoint,
                                       seL4_WordBits, seL4_AllRights);
    ZF_LOGF_IF(error, "Failed to give the client the endpoint: %s", sel4_strerror(error));
    /* The client names slots at depth 64 (seL4_WordBits), so its caps to its CNode carry a guard
       of 60 zero bits in front of the 4 bits of slot index: Mint sets it, as CNode cap data. */
    seL4_Word guard = seL4_CNode_CapData_new(0, seL4_WordBits - CLIENT_CNODE_BITS).words[0];
    error = seL4_CNode_Mint(cnode, CLIENT_CNODE, CLIENT_CNODE_BITS, seL4_CapInitThreadCNode, cnode, seL4_WordBits,
                            seL4_AllRights, guard);
    ZF_LOGF_IF(error, "Failed to give the client its CNode: %s", sel4_strerror(error));
    error = seL4_CNode_Copy(cnode, CLIENT_TCB, CLIENT_CNODE_BITS, seL4_CapInitThreadCNode, tcb, seL4_WordBits,
                            seL4_AllRights);
    ZF_LOGF_IF(error, "Failed to give the client its TCB: %s", sel4_strerror(error));

    /* The thread: that CNode as its CSpace root (with the same guard), our VSpace, its IPC buffer
       (the address, and the cap to the image frame that holds it). */
    seL4_Word buffer = (seL4_Word) client->ipc;
    seL4_CPtr buffer_frame = info->userImageFrames.start + ((buffer - IMAGE_START) >> PAGE_BITS);
    error = seL4_TCB_Configure(tcb, seL4_CapNull, cnode, guard, seL4_CapInitThreadVSpace, 0, buffer, buffer_frame);
    ZF_LOGF_IF(error, "Failed to configure the client: %s", sel4_strerror(error));
    error = seL4_TCB_SetPriority(tcb, seL4_CapInitThreadTCB, client->priority);
    ZF_LOGF_IF(error, "Failed to set the client's priority: %s", sel4_strerror(error));
    seL4_DebugNameThread(tcb, client->name);

    /* Start it in client_main(client), on its own stack; resume_target = 1 makes it runnable. */
    seL4_UserContext regs = {0};
    sel4utils_arch_init_local_context(client_main, client, NULL, NULL, client->stack_top, &regs);
    error = seL4_TCB_WriteRegisters(tcb, 1, 0, sizeof(regs) / sizeof(seL4_Word), &regs);
    ZF_LOGF_IF(error, "Failed to start the client: %s", sel4_strerror(error));
}

/* A message with badge 0 comes through the unbadged endpoint: a client asking for its own. */
static void hand_out_badged_endpoint(void)
{
    /* No badge! give this sender a badged copy of the endpoint, badged with the id it sent. */
    seL4_Word badge = seL4_GetMR(0);
    seL4_Error error = seL4_CNode_Mint(seL4_CapInitThreadCNode, free_slot, seL4_WordBits, seL4_CapInitThreadCNode,
                                       endpoint, seL4_WordBits, seL4_AllRights, badge);
    ZF_LOGF_IF(error, "Failed to mint a badged endpoint: %s", sel4_strerror(error));
    printf("Badged %lu\n", (unsigned long) badge);

    /* Cap transfer: the reply carries one cap (extraCaps 1), named in caps_or_badges[0]. The
       kernel copies it into the slot the client's receive path names. */
    seL4_SetCap(0, free_slot);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 1, 0));

    /* The client has its copy; ours can go. */
    error = seL4_CNode_Delete(seL4_CapInitThreadCNode, free_slot, seL4_WordBits);
    ZF_LOGF_IF(error, "Failed to delete the sent cap: %s", sel4_strerror(error));
}

/* A word arrives one character per message register. */
static void echo(seL4_MessageInfo_t info)
{
    for (seL4_Word i = 0; i < seL4_MessageInfo_get_length(info); i++) {
        printf("%c", (char) seL4_GetMR(i));
    }
    printf("\n");
}

/* The server: serves until it has echoed every word of both clients. */
static void serve(void)
{
    seL4_Word sender;
    seL4_Word held = 0; /* the badge of the client whose reply is saved in reply_slot, or 0 */
    unsigned long words = 0;
    seL4_MessageInfo_t info = seL4_Recv(endpoint, &sender);
    for (;;) {
        if (sender == 0) {
            hand_out_badged_endpoint();
            info = seL4_Recv(endpoint, &sender);
            continue;
        }
        /* The badge says which client spoke: only client N holds an endpoint badged N. */
        echo(info);
        words++;
        if (words == TOTAL_WORDS) {
            seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
            return;
        }
        if (held == 0) {
            /* Keep this client waiting: move its reply cap out of our TCB's caller slot, where the
               next Recv would delete it, into a slot of our own. */
            seL4_Error error = seL4_CNode_SaveCaller(seL4_CapInitThreadCNode, reply_slot, seL4_WordBits);
            ZF_LOGF_IF(error, "Failed to save the reply cap: %s", sel4_strerror(error));
            held = sender;
            info = seL4_Recv(endpoint, &sender);
        } else {
            /* The other client has spoken. A Send on the saved reply cap answers the held client
               (and uses the cap up); ReplyRecv answers this one and waits for the next word. */
            seL4_Send(reply_slot, seL4_MessageInfo_new(0, 0, 0, 0));
            held = 0;
            info = seL4_ReplyRecv(endpoint, seL4_MessageInfo_new(0, 0, 0, 0), &sender);
        }
    }
}

int main(void)
{
    seL4_BootInfo *info = platsupport_get_bootinfo();
    seL4_CPtr slot = info->empty.start;
    endpoint = slot++;
    free_slot = slot++;
    reply_slot = slot++;
    retype(info, seL4_EndpointObject, seL4_EndpointBits, endpoint);
    for (int i = 0; i < 2; i++) {
        start_client(info, &clients[i], slot, slot + 1);
        slot += 2;
    }
    serve();
    printf("Server: echoed %lu words\n", (unsigned long) TOTAL_WORDS);
    return 0;
}
