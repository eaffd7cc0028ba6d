using AfterSales.Cloud.Calendar;
using System.Globalization;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Lifecycle;
using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Web;

/// <summary>How the pages word times, states and deadlines.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006", Justification = "L is the localizer's name in every page (docs/localization.md)")]
internal static class Format
{
    public static string Left(double? seconds, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(L);
        if (seconds is not { } s)
        {
            return "—";
        }

        var span = TimeSpan.FromSeconds(Math.Abs(s));
        var text = L["{0}h {1}m", (int)span.TotalHours, span.Minutes.ToString("00", CultureInfo.InvariantCulture)].Value;
        return s < 0 ? L["overdue {0}", text] : text;
    }

    /// <summary>The status in the reader's language; the English word is the resource key.</summary>
    public static string Status(TicketStatus status, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(L);
        return L[TicketStateMachine.Describe(status)];
    }

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
    public static string Target(TicketView t, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(L);
        return t switch
        {
            { NeedsHuman: true } => L["set deadline by hand"],
            { Paused: true } => L["clock paused"],
            { NextTarget: "acknowledge" } => L["to acknowledge"],
            { NextTarget: "arrive" } => L["to arrive"],
            { NextTarget: "resolve" } => L["to resolve"],
            { NextTarget: { } target } => target,
            { SelfRestored: true } => L["self-restored"],
            _ => Status(t.Status, L),
        };
    }
}
