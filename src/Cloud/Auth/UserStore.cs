using System.Security.Claims;
using AfterSales.Cloud.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Auth;

/// <summary>Password sign-in against <see cref="UserAccount"/> rows, hashed with ASP.NET Core's PasswordHasher.</summary>
internal sealed class UserStore(IDbContextFactory<CloudDb> dbs)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    public static string Hash(UserAccount user, string password) => Hasher.HashPassword(user, password);

    public async Task<ClaimsPrincipal?> SignInAsync(string userName, string password, string scheme, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName.Trim() && !u.Disabled, cancellationToken);
        if (user is null)
        {
            // Same work as a real check, so the response time does not tell which user names exist.
            Hasher.VerifyHashedPassword(new UserAccount { UserName = "-", DisplayName = "-", PasswordHash = "-", Role = "-" }, DummyHash, password);
            return null;
        }

        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hash(user, password);
            await db.SaveChangesAsync(cancellationToken);
        }

        return DeskClaims.Principal(new DeskUser(user.DisplayName, user.Role, user.TenantId, user.TechnicianId, user.Customer), scheme, new Claim("user_id", user.UserName));
    }

    private static readonly string DummyHash = Hasher.HashPassword(new UserAccount { UserName = "-", DisplayName = "-", PasswordHash = "-", Role = "-" }, "not a password");
}
