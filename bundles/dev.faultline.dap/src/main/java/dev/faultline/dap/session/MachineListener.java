package dev.faultline.dap.session;

/** What the machine tells its client, called on the machine thread. */
public interface MachineListener {

    /** The machine stopped; every thread stopped with it. */
    void stopped(Stop stop);

    /** No thread can run any more, or one halted the machine: the guest's exit status. */
    void exited(int status);

    /** A thread was created. */
    void threadStarted(long thread);

    /** A thread was destroyed: the last cap to its TCB went. */
    void threadExited(long thread);

    /** A listener for no client: nothing is attached. */
    MachineListener NONE = new MachineListener() {
        @Override
        public void stopped(Stop stop) {
        }

        @Override
        public void exited(int status) {
        }

        @Override
        public void threadStarted(long thread) {
        }

        @Override
        public void threadExited(long thread) {
        }
    };
}
