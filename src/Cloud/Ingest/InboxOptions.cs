namespace AfterSales.Cloud.Ingest;

public sealed class InboxOptions
{
    public const string Section = "Ingest";

    /// <summary>Most events one group commit writes; more waiting ones go in the next commit right after.</summary>
    public int MaxCommitBatch { get; set; } = 2000;

    /// <summary>Most events the desk works per pass over the inbox.</summary>
    public int WorkBatch { get; set; } = 500;

    /// <summary>
    /// Most events the desk applies in one transaction: one commit (one fsync) for many events is what
    /// lets the desk keep up, and a short transaction keeps pages and timers from waiting long for the
    /// database's writer lock.
    /// </summary>
    public int DeskBatch { get; set; } = 50;

    /// <summary>
    /// False makes a node that only takes events into the inbox and leaves working them to the other
    /// nodes (and lets the benchmark measure intake alone).
    /// </summary>
    public bool WorkInbox { get; set; } = true;

    /// <summary>How often an idle worker looks at the inbox for events another node committed.</summary>
    public int IdlePollMilliseconds { get; set; } = 500;

    /// <summary>
    /// How long a gateway's event waits for the event before it, still on another node, before it is
    /// applied without it (docs/ingest.md, "Order across nodes"). It should outlast a dead node's
    /// restart, which brings back the events it held. Unset: 60 s with a shared subscription, where
    /// nodes take one gateway's events side by side, and 0 otherwise, where they arrive in order.
    /// </summary>
    public double? SeqGapHoldSeconds { get; set; }

    public TimeSpan SeqGapHold(bool sharedSubscription) =>
        TimeSpan.FromSeconds(Math.Max(0, SeqGapHoldSeconds ?? (sharedSubscription ? 60 : 0)));
}
