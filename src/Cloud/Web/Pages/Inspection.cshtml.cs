using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Inspections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages;

/// <summary>
/// The inspection sheet on a technician's phone. Each item saves on its own, so a lost signal on
/// a ladder costs one tap, not the whole sheet.
/// </summary>
internal sealed class InspectionModel(InspectionService desk) : PageModel
{
    public InspectionJob Job { get; private set; } = null!;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostRecordAsync(long id, long itemId, ItemResult result, string? note, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not PageResult)
        {
            return NotFound();
        }

        try
        {
            await desk.RecordAsync(id, itemId, result, note, cancellationToken);
            return Redirect($"/inspections/{id}#item-{itemId}");
        }
        catch (InspectionException ex)
        {
            Error = ex.Message;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostCompleteAsync(long id, string? remarks, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not PageResult)
        {
            return NotFound();
        }

        try
        {
            await desk.CompleteAsync(id, remarks, cancellationToken);
            return Redirect($"/inspections/{id}");
        }
        catch (InspectionException ex)
        {
            Error = ex.Message;
            return Page();
        }
    }

    private async Task<IActionResult> LoadAsync(long id, CancellationToken cancellationToken)
    {
        // Another company's sheet does not exist for this user; a technician opens only their own sheets, dispatchers any of the company's.
        var user = DeskUser.From(User);
        var job = await desk.FindAsync(user.TenantId, id, cancellationToken);
        if (job is null)
        {
            return NotFound();
        }

        if (User.IsInRole(ApiKeyRoles.Technician) && job.TechnicianId != user.TechnicianId)
        {
            return Forbid();
        }

        Job = job;
        return Page();
    }
}
