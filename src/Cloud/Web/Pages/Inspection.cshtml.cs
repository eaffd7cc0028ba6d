using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Jobs.JobSheet;
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

    /// <summary>Completes the sheet with the customer's signature in one step (docs/service-rules.md §3.1a).</summary>
    public async Task<IActionResult> OnPostCompleteAsync(long id, string? remarks, string? signerName, string? png, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not PageResult)
        {
            return NotFound();
        }

        try
        {
            await desk.CompleteAsync(id, remarks, cancellationToken, SignOff(signerName, png));
            return Redirect($"/inspections/{id}");
        }
        catch (Exception ex) when (ex is InspectionException or FormatException)
        {
            // Nothing was stored: the sheet stays open and the reason is shown.
            Error = ex.Message;
            return Page();
        }
    }

    /// <summary>The signature for a sheet completed before the customer could sign; refused once signed.</summary>
    public async Task<IActionResult> OnPostSignAsync(long id, string? signerName, string? png, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not PageResult)
        {
            return NotFound();
        }

        try
        {
            await desk.SignAsync(id, SignOff(signerName, png), cancellationToken);
            return Redirect($"/inspections/{id}");
        }
        catch (Exception ex) when (ex is InspectionException or FormatException)
        {
            Error = ex.Message;
            return Page();
        }
    }

    private InspectionSignOff SignOff(string? signerName, string? png) =>
        new(signerName ?? string.Empty, SignatureImage.Decode(png), DeskUser.From(User).Name);

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
