package dev.faultline.kernel.object;

/** Breaks derivation links on purpose, as no kernel operation may: for tests that the invariant checker catches it. */
public final class CdtCorruption {

    private CdtCorruption() {
    }

    /** Points a's next link at b, leaving b's back link as it was. */
    public static void linkNext(Cte a, Cte b) {
        a.mdbNext = b;
    }

    /** Points a's back link at b, leaving b's next link as it was. */
    public static void linkPrev(Cte a, Cte b) {
        a.mdbPrev = b;
    }
}
