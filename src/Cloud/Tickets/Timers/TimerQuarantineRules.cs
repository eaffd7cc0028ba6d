namespace AfterSales.Cloud.Tickets.Timers;

/// <summary>
/// A timer that keeps throwing is a poison: retried every pass for ever it would hold up every other
/// timer behind it. After <see cref="TimerOptions.MaxFailures"/> failures in a row it is set aside
/// (docs/service-rules.md, "Poison timers").
/// </summary>
public static class TimerQuarantineRules
{
    public const int ErrorLength = 400;

    /// <summary>Counts one more failure; quarantines the timer at <paramref name="now"/> when it reaches the limit.</summary>
    public static void Failed(DeskTimer timer, Exception error, int maxFailures, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(error);
        timer.Failures++;
        var message = $"{error.GetType().Name}: {error.Message}";
        timer.LastError = message.Length > ErrorLength ? message[..ErrorLength] : message;
        if (timer.Failures >= maxFailures)
        {
            timer.QuarantinedAt ??= now;
        }
    }

    /// <summary>A dispatcher fixed the cause: the timer is tried again at the next pass, from a clean count.</summary>
    public static void Retry(DeskTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        (timer.Failures, timer.LastError, timer.QuarantinedAt) = (0, null, null);
    }
}
