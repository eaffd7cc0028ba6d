namespace AfterSales.Cloud.Mail;

/// <summary>When to try a failed message again: doubling from the first delay, capped, so a relay that is down for an hour is not hammered.</summary>
internal static class MailBackoff
{
    public static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    /// <param name="attempts">Attempts made so far (1 after the first failure).</param>
    public static TimeSpan After(int attempts, TimeSpan first)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, Cap.Ticks));
        return delay < first ? first : delay;
    }
}
