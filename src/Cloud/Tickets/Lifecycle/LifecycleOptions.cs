namespace AfterSales.Cloud.Tickets.Lifecycle;

/// <summary>The tenant's ticket rules. The regulations give no figures for these; the defaults are ours (docs/service-rules.md §2.3–§2.5).</summary>
public sealed class LifecycleOptions
{
    public const string Section = "Tickets";

    /// <summary>A fault cleared before anyone went out, and clear this long, closes the ticket as self-restored.</summary>
    public double SelfRestoreGraceMinutes { get; set; } = 15;

    /// <summary>This many raises within <see cref="FlapWindowMinutes"/> mark the ticket intermittent.</summary>
    public int FlapRaises { get; set; } = 3;

    public double FlapWindowMinutes { get; set; } = 60;

    /// <summary>The same fault again within this many days of closing reopens the ticket as a repeat.</summary>
    public double RepeatWithinDays { get; set; } = 30;

    /// <summary>The visit by which the same fault must be solved; from it on the supervisor is told at each visit (docs/service-rules.md §2.16).</summary>
    public int SolveByVisit { get; set; } = 3;
}
