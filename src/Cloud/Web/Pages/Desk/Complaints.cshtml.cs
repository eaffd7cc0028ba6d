using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Web.Pages.Desk;

/// <summary>The company's complaints with their clocks; the desk records the answer and the outcome, which goes to the customer (docs/service-rules.md §4.3, §4.3b).</summary>
internal sealed class DeskComplaintsModel(IDbContextFactory<CloudDb> dbs, ComplaintService complaints, IOptions<FeedbackOptions> options, TimeProvider time) : PageModel
{
    public IReadOnlyList<(Complaint Complaint, string SiteName)> Rows { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    /// <summary>Each complaint's cause changes at the desk, oldest first (docs/service-rules.md §4.3c).</summary>
    public ILookup<long, ComplaintClassification> Classifications { get; private set; } = Array.Empty<ComplaintClassification>().ToLookup(c => c.ComplaintId);

    /// <summary>Valid (the service's fault, as the desk classified it) and unresolved past the policy's days (§4.3, §4.3c).</summary>
    public bool IsMajor(Complaint complaint) => ComplaintRules.IsMajor(complaint, Now, options.Value.Complaints);

    /// <summary>The causes the desk can find; "unclassified" is only how a portal complaint starts.</summary>
    public static IReadOnlyList<ComplaintCause> Causes { get; } = [.. Enum.GetValues<ComplaintCause>().Where(c => c != ComplaintCause.Unclassified)];

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Error { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var tenant = DeskUser.From(User).TenantId;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().Where(s => s.TenantId == tenant).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var ids = sites.Keys.ToList();
        var rows = await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.SiteId)).ToListAsync(cancellationToken);
        Rows = [.. rows.OrderBy(c => c.ResolvedAt is not null).ThenByDescending(c => c.ReceivedAt).Take(200).Select(c => (c, sites[c.SiteId]))];
        Classifications = (await complaints.ClassificationsAsync(tenant, [.. Rows.Select(r => r.Complaint.Id)], cancellationToken)).ToLookup(c => c.ComplaintId);
    }

    /// <summary>The service manager sets the cause found and whether the service was at fault; the KPIs count it so (§4.3c).</summary>
    public async Task<IActionResult> OnPostClassifyAsync(string? number, ComplaintCause? cause, bool serviceAtFault, CancellationToken cancellationToken)
    {
        var user = DeskUser.From(User);
        if (string.IsNullOrWhiteSpace(number))
        {
            return NotFound();
        }

        try
        {
            if (cause is null)
            {
                throw new ArgumentException("Choose the cause the complaint was found to have.");
            }

            if (await complaints.ReclassifyAsync(user.TenantId, number, cause.Value, serviceAtFault, user.Name, cancellationToken) is null)
            {
                return NotFound();
            }

            Message = number;
        }
        catch (ArgumentException ex)
        {
            // Nothing was stored; the reason goes back to the page.
            Error = ex.Message;
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAnswerAsync(string? number, string? fix, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number)
            || await complaints.UpdateAsync(DeskUser.From(User).TenantId, number, answered: true, string.IsNullOrWhiteSpace(fix) ? null : fix, cancellationToken) is null)
        {
            return NotFound();
        }

        Message = number;
        return RedirectToPage();
    }
}
