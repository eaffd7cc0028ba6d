using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Jobs;
using AfterSales.Cloud.Jobs.JobSheet;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Workflow;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Cloud.Web.Pages.Jobs;

/// <summary>One job on the technician's phone. Every button posts back; the server decides what is allowed.</summary>
internal sealed class JobModel(TicketQueryService queries, JobService jobs) : TicketPageModel(queries)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadTicketAsync(DeskUser.From(User), ct) ? Page() : NotFound();

    /// <summary>The ETA is asked here: the customer is told it by SMS (docs/service-rules.md §1.13).</summary>
    public async Task<IActionResult> OnPostAcceptAsync(int? etaMinutes, CancellationToken ct)
    {
        if (EtaComposer.Refuse(etaMinutes) is not { } refusal)
        {
            return await Act(u => jobs.AcceptAsync(Id, u, etaMinutes, ct));
        }

        // Another company's job is not found, whatever the form said.
        return await LoadTicketAsync(DeskUser.From(User), ct) ? await Refuse(refusal) : NotFound();
    }

    private Task<IActionResult> Refuse(string message)
    {
        Message = message;
        return Task.FromResult<IActionResult>(RedirectToPage(new { Id }));
    }

    public Task<IActionResult> OnPostDepartAsync(CancellationToken ct) => Act(u => jobs.DepartAsync(Id, u, ct));

    public Task<IActionResult> OnPostArriveAsync(double? latitude, double? longitude, CancellationToken ct) => Act(u => jobs.ArriveAsync(Id, u, latitude, longitude, ct));

    public Task<IActionResult> OnPostPartAsync(string part, int quantity, string? reason, CancellationToken ct) => Act(u => jobs.AddPartAsync(Id, u, part ?? string.Empty, quantity, reason, ct));

    /// <summary>Work done: the post-repair tests of the device's kind come with it (docs/service-rules.md §2.18).</summary>
    public Task<IActionResult> OnPostResolveAsync(string resolution, string[]? tests, CancellationToken ct) => Act(u => jobs.ResolveAsync(Id, u, resolution ?? string.Empty, tests, ct));

    public Task<IActionResult> OnPostSignAsync(string signerName, string png, CancellationToken ct) =>
        Act(u => jobs.SignAsync(Id, u, signerName ?? string.Empty, SignatureImage.Decode(png), ct));

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => Act(u => jobs.CloseAsync(Id, u, ct));

    public Task<IActionResult> OnPostNoteAsync(string text, CancellationToken ct) => Act(u => jobs.NoteAsync(Id, u, text ?? string.Empty, ct));
}
