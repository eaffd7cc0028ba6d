namespace AfterSales.Cloud.Tickets.Lifecycle;

/// <summary>Where a job stands (叫修 → 派工 → 服务 → 签字): the states of the ticket state machine.</summary>
public enum TicketStatus
{
    /// <summary>Registered, nobody assigned yet.</summary>
    Open,

    /// <summary>Given to a technician who has not yet accepted.</summary>
    Dispatched,

    /// <summary>The technician accepted and called the customer.</summary>
    Accepted,

    EnRoute,

    OnSite,

    /// <summary>The work is recorded; the customer may now sign.</summary>
    Resolved,

    Closed,

    Cancelled,
}
