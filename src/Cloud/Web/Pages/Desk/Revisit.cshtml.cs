using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Jobs.JobSheet;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages.Desk;

/// <summary>
/// One revisit: the four checks, the finding and the signature of the person revisited; a finding goes to the
/// technician in writing at once (docs/service-rules.md §4.4, §4.4a).
/// </summary>
internal sealed class DeskRevisitModel(RevisitWorkService revisits) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public RevisitRow Row { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var row = await revisits.FindAsync(DeskUser.From(User).TenantId, Id, cancellationToken);
        if (row is null)
        {
            return NotFound();
        }

        Row = row;
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(
        bool repairHeld, bool conductOk, string? suggestions, bool chargesOk, string? finding, string? signerName, string? png, CancellationToken cancellationToken)
    {
        var user = DeskUser.From(User);
        if (await revisits.FindAsync(user.TenantId, Id, cancellationToken) is null)
        {
            return NotFound();
        }

        try
        {
            if (string.IsNullOrWhiteSpace(signerName))
            {
                throw new FormatException("Write the name of the person revisited.");
            }

            var checks = new RevisitChecks(repairHeld, conductOk, suggestions, chargesOk, finding);
            await revisits.CompleteAsync(user.TenantId, Id, checks, signerName, SignatureImage.Decode(png), user.Name, cancellationToken);
            Message = "Revisit recorded.";
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            // Nothing was stored; the reason goes back to the form.
            Message = ex.Message;
        }

        return RedirectToPage(new { Id });
    }
}
