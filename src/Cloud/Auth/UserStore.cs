using System.Security.Claims;
using AfterSales.Cloud.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Auth;

/// <summary>
/// Password sign-in against <see cref="UserAccount"/> rows, hashed with ASP.NET Core's PasswordHasher,
/// with lockout after repeated failures and every failure logged (docs/security.md, "Sign-in").
/// </summary>
internal sealed partial class UserStore(IDbContextFactory<CloudDb> dbs, IOptions<SignInOptions> options, TimeProvider time, ILogger<UserStore> log)
{
    public const string UserClaim = "user_id";

    public const string StampClaim = "security_stamp";

    /// <summary>The user's stored language, empty when none; sign-in turns it into the culture cookie.</summary>
    public const string CultureClaim = "culture";

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    private static readonly string DummyHash = Hasher.HashPassword(Nobody(), "not a password");

    public static string Hash(UserAccount user, string password) => Hasher.HashPassword(user, password);

    public static bool Matches(UserAccount user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.PasswordHash.Length > 0 && Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
    }

    public async Task<SignInOutcome> SignInAsync(string userName, string password, string scheme, string? from, CancellationToken cancellationToken)
    {
        userName = userName.Trim();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName && !u.Disabled, cancellationToken);
        if (user is null)
        {
            // Same work as a real check, so the response time does not tell which user names exist.
            Hasher.VerifyHashedPassword(Nobody(), DummyHash, password);
            LogUnknownUser(log, userName, from);
            return SignInOutcome.Refused;
        }

        var now = time.GetUtcNow();
        if (LockoutRules.IsLocked(user, now))
        {
            LogLockedOut(log, userName, from, user.LockedUntil!.Value);
            return new SignInOutcome(null, user.LockedUntil);
        }

        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            LockoutRules.RecordFailure(user, now, options.Value);
            await db.SaveChangesAsync(cancellationToken);
            LogWrongPassword(log, userName, from, user.LockedUntil is not null);
            return new SignInOutcome(null, user.LockedUntil);
        }

        LockoutRules.RecordSuccess(user);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hash(user, password);
        }

        await db.SaveChangesAsync(cancellationToken);
        var principal = DeskClaims.Principal(
            new DeskUser(user.DisplayName, user.Role, user.TenantId, user.TechnicianId, user.Customer),
            scheme,
            new Claim(UserClaim, user.UserName),
            new Claim(StampClaim, user.SecurityStamp),
            new Claim(CultureClaim, user.Culture ?? string.Empty));
        return new SignInOutcome(principal, null);
    }

    /// <summary>Keeps the language a user picked, so the next sign-in on any device opens in it.</summary>
    public async Task SetCultureAsync(string userName, string culture, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(u => u.SetProperty(x => x.Culture, culture), cancellationToken);
    }

    /// <summary>Whether the account behind a cookie still exists, is enabled and has not changed since the cookie was issued.</summary>
    public async Task<bool> IsCurrentAsync(string userName, string? stamp, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.UserName == userName && !u.Disabled && u.SecurityStamp == stamp, cancellationToken);
    }

    private static UserAccount Nobody() => new() { UserName = "-", DisplayName = "-", PasswordHash = "-", Role = "-" };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for unknown or disabled user {UserName} from {Address}")]
    private static partial void LogUnknownUser(ILogger logger, string userName, string? address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {UserName} from {Address}: wrong password (account now locked: {Locked})")]
    private static partial void LogWrongPassword(ILogger logger, string userName, string? address, bool locked);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {UserName} from {Address}: locked until {LockedUntil}")]
    private static partial void LogLockedOut(ILogger logger, string userName, string? address, DateTimeOffset lockedUntil);
}
