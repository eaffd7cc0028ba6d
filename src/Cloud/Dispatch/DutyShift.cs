namespace AfterSales.Cloud.Dispatch;

/// <summary>A roster entry (值班): 24-hour on-call, holiday duty, or standby at a customer's event.</summary>
public sealed class DutyShift
{
    public long Id { get; set; }

    public required string TechnicianId { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public string Kind { get; set; } = "on-call";
}
