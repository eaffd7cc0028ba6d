using System.Security.Cryptography;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Auth;

/// <summary>
/// An admin's changes to the users of their own company: create, disable or enable, reset the
/// password, change the role or language. Every change that narrows what an account may do renews
/// its security stamp and is noted in <see cref="AccessChanges"/>, so the user's open sessions end
/// at their next request (docs/security.md, "Users"). Another company's user is answered as unknown
/// (null or false); every refusal is an <see cref="ArgumentException"/> whose message says what is wrong.
/// </summary>
internal sealed class UserAdminStore(IDbContextFactory<CloudDb> dbs, ITechnicianDirectory technicians, AccessChanges changes)
{
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<List<UserView>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.TenantId == tenantId).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return [.. users.Select(UserView.Of)];
    }

    /// <summary>Creates the user in the admin's company; returns the password to hand over (the one given, or a new random one).</summary>
    public async Task<(UserView User, string Password)> CreateAsync(string tenantId, UserDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var userName = draft.UserName?.Trim() ?? string.Empty;
        Require(UserAccountRules.IsValidUserName(userName), $"'{userName}' is not a valid user name: 1-{UserAccountRules.MaxUserNameLength} letters, digits, '.', '_', '-' or '@'.");
        var password = string.IsNullOrEmpty(draft.Password) ? NewPassword() : draft.Password;
        Require(UserAccountRules.IsStrongEnough(password), $"A password has at least {UserAccountRules.MinPasswordLength} characters.");
        var culture = CultureOf(draft.Culture);
        var (technicianId, customer) = await LinksAsync(tenantId, draft.Role, draft.TechnicianId, draft.Customer, cancellationToken);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        Require(!await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken), $"The user name '{userName}' is taken.");
        var user = new UserAccount
        {
            UserName = userName, DisplayName = string.IsNullOrWhiteSpace(draft.DisplayName) ? userName : draft.DisplayName.Trim(), PasswordHash = string.Empty, Role = draft.Role, Culture = culture,
        };
        user.Grant(draft.Role, tenantId, technicianId, customer);
        user.SetPasswordHash(UserStore.Hash(user, password));
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return (UserView.Of(user), password);
    }

    /// <summary>Disables or enables the user; a disabled user's sessions end at once. An admin cannot disable themselves.</summary>
    public Task<UserView?> SetDisabledAsync(string tenantId, string actor, string userName, bool disabled, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, userName, user =>
        {
            Require(!(disabled && user.UserName == actor), "You cannot disable your own account.");
            if (user.Disabled != disabled)
            {
                user.Disabled = disabled;
                user.SecurityStamp = UserAccount.NewStamp();
            }

            // Enabling also lifts a lockout: the admin has spoken to the person.
            user.LockedUntil = disabled ? user.LockedUntil : null;
            user.FailedSignIns = disabled ? user.FailedSignIns : 0;
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Sets a new password (or a random one when none is given), lifts a lockout and ends the user's sessions; returns the password to hand over.</summary>
    public async Task<(UserView User, string Password)?> ResetPasswordAsync(string tenantId, string userName, string? password, CancellationToken cancellationToken)
    {
        password = string.IsNullOrEmpty(password) ? NewPassword() : password;
        Require(UserAccountRules.IsStrongEnough(password), $"A password has at least {UserAccountRules.MinPasswordLength} characters.");
        var user = await ChangeAsync(tenantId, userName, u =>
        {
            u.SetPasswordHash(UserStore.Hash(u, password));
            (u.LockedUntil, u.FailedSignIns) = (null, 0);
            return Task.CompletedTask;
        }, cancellationToken);
        return user is null ? null : (user, password);
    }

    /// <summary>Gives the user another role (and its link: a technician, a customer); their sessions end at once. An admin cannot change their own role.</summary>
    public Task<UserView?> ChangeRoleAsync(string tenantId, string actor, string userName, string role, string? technicianId, string? customer, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, userName, async user =>
        {
            Require(user.UserName != actor || role == user.Role, "You cannot change your own role: ask another admin.");
            var links = await LinksAsync(tenantId, role, technicianId, customer, cancellationToken);
            user.Grant(role, tenantId, links.TechnicianId, links.Customer);
        }, cancellationToken);

    /// <summary>Sets the language of the user's pages (and of the mail addressed to them); empty for the company's default.</summary>
    public Task<UserView?> SetCultureAsync(string tenantId, string userName, string? culture, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, userName, user =>
        {
            user.Culture = CultureOf(culture);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task<UserView?> ChangeAsync(string tenantId, string userName, Func<UserAccount, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName && u.TenantId == tenantId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        await change(user);
        await db.SaveChangesAsync(cancellationToken);
        changes.Note(user.UserName);
        return UserView.Of(user);
    }

    /// <summary>A technician account sees the jobs of one of the company's technicians; a customer account the sites of one customer; other roles link nothing.</summary>
    private async Task<(string? TechnicianId, string? Customer)> LinksAsync(string tenantId, string? role, string? technicianId, string? customer, CancellationToken cancellationToken)
    {
        Require(role is not null && ApiKeyRoles.IsKnown(role), $"The role '{role}' is unknown; use one of {string.Join(", ", ApiKeyRoles.All)}.");
        (technicianId, customer) = (Trimmed(technicianId), Trimmed(customer));
        switch (role)
        {
            case ApiKeyRoles.Technician:
                Require(technicianId is not null, "A technician account needs the technician whose jobs it sees.");
                Require(await technicians.IsOwnAsync(tenantId, technicianId!, cancellationToken), $"Unknown technician '{technicianId}'.");
                return (technicianId, null);
            case ApiKeyRoles.Customer:
                Require(customer is not null, "A customer account needs the customer name of its sites.");
                return (null, customer);
            default:
                return (null, null);
        }
    }

    private static string? CultureOf(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var culture = Cultures.Resolve(name);
        Require(culture is not null, $"The language '{name}' is not offered; use one of {string.Join(", ", Cultures.Supported)}.");
        return culture;
    }

    private static string NewPassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 12);

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
