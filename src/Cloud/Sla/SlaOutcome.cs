namespace AfterSales.Cloud.Sla;

public enum SlaOutcome
{
    /// <summary>No deadline was set for this step.</summary>
    NotTracked,

    Met,

    Missed,

    /// <summary>The deadline has not passed and the step is not done yet.</summary>
    Pending,

    /// <summary>The fault cleared on site before the deadline, so nobody had to come.</summary>
    NotNeeded,
}
