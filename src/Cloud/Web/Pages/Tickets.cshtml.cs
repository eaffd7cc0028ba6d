using System.Globalization;
using AfterSales.Cloud.Tickets;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages;

internal sealed class TicketsModel(TicketQueries queries, TimeProvider time) : PageModel
{
    public IReadOnlyList<TicketView> Tickets { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Tickets = await queries.OpenAsync(Auth.DeskUser.From(User), null, cancellationToken);
    }

    /// <summary>Colour band for a row: overdue, under a quarter of the window left, or fine.</summary>
    public static string SlaClass(TicketView t)
    {
        if (t.NeedsHuman)
        {
            return "human";
        }

        if (t.TimeLeftSeconds is not { } left || t.ArrivalDeadline is not { } due)
        {
            return "none";
        }

        var window = (due - t.OpenedAt).TotalSeconds;
        return left < 0 ? "breached" : left < window / 4 ? "warning" : "ok";
    }

    public static string FormatLeft(double? seconds)
    {
        if (seconds is not { } s)
        {
            return "—";
        }

        var span = TimeSpan.FromSeconds(Math.Abs(s));
        var text = string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes:00}m");
        return s < 0 ? $"overdue {text}" : text;
    }
}
