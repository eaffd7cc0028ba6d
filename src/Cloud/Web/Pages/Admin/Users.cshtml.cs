using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Dispatch;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages.Admin;

/// <summary>
/// Users of the admin's company: create one (role, language), disable or enable, reset the password,
/// change the role. A change ends that user's open sessions at their next request (docs/security.md, "Users").
/// </summary>
internal sealed class UsersModel(UserAdminStore store, TechnicianAdminStore technicians, TimeProvider time) : PageModel
{
    public IReadOnlyList<UserView> Users { get; private set; } = [];

    public IReadOnlyList<Technician> Technicians { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Saved { get; private set; }

    /// <summary>A password the cloud made up or the admin set, shown once to hand to the person; only its hash is kept.</summary>
    public (string UserName, string Password)? Handover { get; private set; }

    public bool IsLocked(UserView user) => user?.LockedUntil is { } until && until > time.GetUtcNow();

    public string Me => User.FindFirst(UserStore.UserClaim)?.Value ?? string.Empty;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostCreateAsync(string userName, string? displayName, string role, string? culture, string? password, string? technicianId, string? customer, CancellationToken ct) =>
        ActAsync(async () =>
        {
            var (user, given) = await store.CreateAsync(Tenant, new UserDraft(userName ?? string.Empty, displayName, role ?? string.Empty, culture, password, technicianId, customer), ct);
            Handover = (user.UserName, given);
            return user;
        }, ct);

    public Task<IActionResult> OnPostDisableAsync(string userName, CancellationToken ct) => ActAsync(() => store.SetDisabledAsync(Tenant, Me, userName, disabled: true, ct), ct);

    public Task<IActionResult> OnPostEnableAsync(string userName, CancellationToken ct) => ActAsync(() => store.SetDisabledAsync(Tenant, Me, userName, disabled: false, ct), ct);

    public Task<IActionResult> OnPostPasswordAsync(string userName, string? password, CancellationToken ct) =>
        ActAsync(async () =>
        {
            var reset = await store.ResetPasswordAsync(Tenant, userName, password, ct);
            Handover = reset is { } r ? (r.User.UserName, r.Password) : null;
            return reset?.User;
        }, ct);

    public Task<IActionResult> OnPostRoleAsync(string userName, string role, string? technicianId, string? customer, CancellationToken ct) =>
        ActAsync(() => store.ChangeRoleAsync(Tenant, Me, userName, role ?? string.Empty, technicianId, customer, ct), ct);

    private string Tenant => DeskUser.From(User).TenantId;

    /// <summary>Runs the change and shows the list again; a user who is not one of the company's is a 404, as another company's id is everywhere.</summary>
    private async Task<IActionResult> ActAsync(Func<Task<UserView?>> act, CancellationToken ct)
    {
        try
        {
            if (await act() is not { } user)
            {
                return NotFound();
            }

            Saved = user.UserName;
        }
        catch (ArgumentException ex)
        {
            Error = ex.Message;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await store.ListAsync(Tenant, ct);
        Technicians = await technicians.ListAsync(Tenant, ct);
    }
}
