namespace AfterSales.Gateway.Outbox;

/// <summary>What the disk budget may give up, from never to first.</summary>
internal enum OutboxPriority
{
    /// <summary>The outbox's own <c>gateway.outbox_full</c> fault: admitted even at the budget, so the cloud learns why events stopped.</summary>
    Alarm = 0,

    /// <summary>Faults and restores: never dropped while the outbox is below its budget.</summary>
    Event = 1,

    /// <summary>Metrics and other telemetry: refused at the budget and evicted, oldest first, to make room for events.</summary>
    Telemetry = 2,
}
