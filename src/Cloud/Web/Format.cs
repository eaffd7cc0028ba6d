using AfterSales.Cloud.Calendar;
using System.Globalization;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Lifecycle;

namespace AfterSales.Cloud.Web;

/// <summary>How the pages word times, states and deadlines.</summary>
internal static class Format
{
    public static string Left(double? seconds)
    {
        if (seconds is not { } s)
        {
            return "—";
        }

        var span = TimeSpan.FromSeconds(Math.Abs(s));
        var text = string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes:00}m");
        return s < 0 ? $"overdue {text}" : text;
    }

    public static string Status(TicketStatus status) => TicketStateMachine.Describe(status);

    /// <summary>A time on the service company's clock face (docs/local-time.md), never UTC.</summary>
    public static string Time(DateTimeOffset? at) => DisplayZone.Local(at)?.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";

    public static string Kind(TicketView t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t.DeviceKind.ToString().ToLowerInvariant();
    }

    public static string Severity(TicketView t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t.Severity.ToString().ToLowerInvariant();
    }

    /// <summary>The line under a deadline: which target it is, or why there is none.</summary>
    public static string Target(TicketView t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t switch
        {
            { NeedsHuman: true } => "set deadline by hand",
            { Paused: true } => "clock paused",
            { NextTarget: { } target } => "to " + target,
            { SelfRestored: true } => "self-restored",
            _ => Status(t.Status),
        };
    }
}
