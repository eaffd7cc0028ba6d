namespace AfterSales.Cloud.Feedback;

/// <summary>The complaint clocks (defaults from seed 000 ❻: answer within 4 h, resolve within 48 h).</summary>
public sealed class ComplaintPolicy
{
    public const string Section = "Complaints";

    public double AnswerWithinHours { get; set; } = 4;

    public double ResolveWithinHours { get; set; } = 48;

    /// <summary>A reminder (催办单) repeats this often while a complaint stays overdue.</summary>
    public double RemindEveryHours { get; set; } = 24;

    /// <summary>A valid complaint still unresolved this long is a major one (seed 004).</summary>
    public double MajorAfterDays { get; set; } = 30;
}
