namespace AfterSales.Cloud.Auth;

/// <summary>Pure: when repeated wrong passwords lock an account, and when it opens again.</summary>
public static class LockoutRules
{
    public static bool IsLocked(UserAccount user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.LockedUntil is { } until && until > now;
    }

    /// <summary>Counts a failure; the one that reaches the limit locks the account and starts the count again.</summary>
    public static void RecordFailure(UserAccount user, DateTimeOffset now, SignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        user.FailedSignIns++;
        if (user.FailedSignIns >= options.MaxFailures)
        {
            user.LockedUntil = now.AddMinutes(options.LockoutMinutes);
            user.FailedSignIns = 0;
        }
    }

    public static void RecordSuccess(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.FailedSignIns = 0;
        user.LockedUntil = null;
    }
}
