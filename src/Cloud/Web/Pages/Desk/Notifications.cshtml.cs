using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages.Desk;

/// <summary>
/// What reached whom: every message with each channel's outcome, failures first, and the channel
/// each person chose per kind of message (docs/service-rules.md §7).
/// </summary>
internal sealed class DeskNotificationsModel(NotificationRouteStore store) : PageModel
{
    public IReadOnlyList<Notification> Failed { get; private set; } = [];

    public IReadOnlyList<Notification> Recent { get; private set; } = [];

    public IReadOnlyList<NotificationRoute> Routes { get; private set; } = [];

    [TempData]
    public string? Error { get; set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tenant = DeskUser.From(User).TenantId;
        var recent = await store.RecentAsync(tenant, null, 200, ct);
        Failed = [.. recent.Where(n => n.Status == NotificationStatus.Failed)];
        Recent = recent;
        Routes = await store.RoutesAsync(tenant, null, ct);
    }

    public async Task<IActionResult> OnPostAddAsync(string recipient, string? kind, NotificationChannel channel, string address, string? secret, CancellationToken ct)
    {
        try
        {
            NoticeKind? parsed = Enum.TryParse<NoticeKind>(kind, out var k) ? k : null;
            await store.AddAsync(DeskUser.From(User).TenantId, recipient, parsed, channel, address, secret, ct);
            Done = $"{recipient} now gets {(parsed?.ToString() ?? "every kind of message")} by {channel}.";
        }
        catch (ArgumentException ex)
        {
            Error = ex.Message;
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, CancellationToken ct)
    {
        // Another company's route is not there for this user: 404, as for one that does not exist.
        return await store.RemoveAsync(DeskUser.From(User).TenantId, id, ct) ? RedirectToPage() : NotFound();
    }
}
