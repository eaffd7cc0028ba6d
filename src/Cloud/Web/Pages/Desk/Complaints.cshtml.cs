using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Web.Pages.Desk;

/// <summary>The company's complaints with their clocks; the desk records the answer and the outcome, which goes to the customer (docs/service-rules.md §4.3, §4.3b).</summary>
internal sealed class DeskComplaintsModel(IDbContextFactory<CloudDb> dbs, ComplaintService complaints, TimeProvider time) : PageModel
{
    public IReadOnlyList<(Complaint Complaint, string SiteName)> Rows { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var tenant = DeskUser.From(User).TenantId;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().Where(s => s.TenantId == tenant).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var ids = sites.Keys.ToList();
        var rows = await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.SiteId)).ToListAsync(cancellationToken);
        Rows = [.. rows.OrderBy(c => c.ResolvedAt is not null).ThenByDescending(c => c.ReceivedAt).Take(200).Select(c => (c, sites[c.SiteId]))];
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
