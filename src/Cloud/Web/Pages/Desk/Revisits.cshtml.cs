using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Feedback;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages.Desk;

/// <summary>The manager's revisit list: due, overdue and done, and findings the technician has not confirmed in time (docs/service-rules.md §4.4, §4.4a).</summary>
internal sealed class DeskRevisitsModel(RevisitWorkService revisits, TimeProvider time) : PageModel
{
    public IReadOnlyList<RevisitRow> Rows { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public RevisitStanding? Show { get; set; }

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var all = await revisits.ListAsync(DeskUser.From(User).TenantId, null, cancellationToken);
        Rows = Show is { } only ? [.. all.Where(r => r.Standing == only)] : all;
        Counts = Enum.GetValues<RevisitStanding>().ToDictionary(s => s, s => all.Count(r => r.Standing == s));
        Unconfirmed = [.. all.Where(r => r.AcknowledgementOverdue)];
    }

    public IReadOnlyDictionary<RevisitStanding, int> Counts { get; private set; } = new Dictionary<RevisitStanding, int>();

    /// <summary>Findings handed to a technician and not confirmed within 24 h.</summary>
    public IReadOnlyList<RevisitRow> Unconfirmed { get; private set; } = [];
}
