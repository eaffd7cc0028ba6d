using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Feedback;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages.Jobs;

/// <summary>Revisit findings about the technician's own jobs, which he confirms he read (docs/service-rules.md §4.4a).</summary>
internal sealed class JobFindingsModel(RevisitWorkService revisits) : PageModel
{
    public IReadOnlyList<RevisitRow> Findings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = DeskUser.From(User);
        Findings = user.TechnicianId is null ? []
            : [.. (await revisits.ListAsync(user.TenantId, user.TechnicianId, cancellationToken)).Where(r => r.Revisit.FindingHandedOverAt is not null)];
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(long revisitId, CancellationToken cancellationToken)
    {
        var user = DeskUser.From(User);
        return user.TechnicianId is not null && await revisits.AcknowledgeAsync(user.TenantId, user.TechnicianId, revisitId, cancellationToken)
            ? RedirectToPage()
            : NotFound();
    }
}
