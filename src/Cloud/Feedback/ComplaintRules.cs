using System.Globalization;

namespace AfterSales.Cloud.Feedback;

/// <summary>What a complaint needs next, as of a moment.</summary>
public enum ComplaintAction
{
    None,
    Remind,
    Escalate,
}

/// <summary>Pure complaint rules: numbering, reminders and escalation, and whether the clocks were kept (the deadlines are set by <see cref="Complaint.Register"/>).</summary>
public static class ComplaintRules
{
    /// <summary>
    /// YYMM-NNN: the serial restarts each month (seed 003 Ⅰ 第八条). The month is the service
    /// company's local month of receipt (docs/local-time.md): a complaint at 07:00 Beijing time on
    /// the 1st belongs to the new month although it is still the previous month in UTC.
    /// </summary>
    public static string NextNumber(DateOnly localMonthOfReceipt, IEnumerable<string> numbersThisMonth)
    {
        ArgumentNullException.ThrowIfNull(numbersThisMonth);
        var prefix = Prefix(localMonthOfReceipt);
        var last = numbersThisMonth
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => int.TryParse(n.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : 0)
            .DefaultIfEmpty(0)
            .Max();
        return prefix + (last + 1).ToString("000", CultureInfo.InvariantCulture);
    }

    public static string Prefix(DateOnly localMonth) => localMonth.ToString("yyMM", CultureInfo.InvariantCulture) + "-";

    /// <summary>
    /// Serious complaints and those past their resolution deadline go to the senior manager once;
    /// a complaint past either deadline gets a reminder, repeated every <see cref="ComplaintPolicy.RemindEveryHours"/>.
    /// </summary>
    public static ComplaintAction Next(Complaint c, DateTimeOffset now, ComplaintPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(policy);
        if (c.ResolvedAt is not null)
        {
            return ComplaintAction.None;
        }

        if (c.EscalatedAt is null && (c.Serious || now > c.ResolveDueAt))
        {
            return ComplaintAction.Escalate;
        }

        var overdue = (c.AnsweredAt is null && now > c.AnswerDueAt) || now > c.ResolveDueAt;
        var remindedRecently = c.RemindedAt is { } r && now - r < TimeSpan.FromHours(policy.RemindEveryHours);
        return overdue && !remindedRecently ? ComplaintAction.Remind : ComplaintAction.None;
    }

    public static bool AnsweredOnTime(Complaint c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.AnsweredAt is { } a && a <= c.AnswerDueAt;
    }

    public static bool ResolvedOnTime(Complaint c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.ResolvedAt is { } r && r <= c.ResolveDueAt;
    }

    public static bool IsMajor(Complaint c, DateTimeOffset now, ComplaintPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(policy);
        return c.ServiceAtFault && c.ResolvedAt is null && now - c.ReceivedAt >= TimeSpan.FromDays(policy.MajorAfterDays);
    }
}
