using NodaTime;

namespace AfterSales.Cloud.Calendar;

/// <summary>
/// The calendar times are shown in, for the work in progress: a page request (the signed-in user's
/// service company), a PDF or a mail (the site's company). Like the current culture it flows with
/// the async context, so every formatter shows local time without passing a zone through each call
/// (docs/local-time.md). Outside any scope: Asia/Shanghai.
/// </summary>
public static class DisplayZone
{
    private static readonly AsyncLocal<LocalCalendar?> Current = new();

    private static readonly LocalCalendar Fallback = new(DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new HashSet<DateOnly>(), new HashSet<DateOnly>());

    public static LocalCalendar Calendar => Current.Value ?? Fallback;

    /// <summary>An instant with the shown zone's offset.</summary>
    public static DateTimeOffset Local(DateTimeOffset at) => Calendar.Local(at);

    public static DateTimeOffset? Local(DateTimeOffset? at) => at is { } a ? Calendar.Local(a) : null;

    /// <summary>Shows times in <paramref name="calendar"/>'s zone until disposed.</summary>
    public static IDisposable Use(LocalCalendar calendar)
    {
        var previous = Current.Value;
        Current.Value = calendar;
        return new Restore(previous);
    }

    private sealed class Restore(LocalCalendar? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
