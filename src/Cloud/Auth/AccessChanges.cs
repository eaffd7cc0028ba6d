using System.Collections.Concurrent;

namespace AfterSales.Cloud.Auth;

/// <summary>
/// The accounts an admin changed on this node, and when: <see cref="CookieRevalidation"/> checks such
/// an account's cookie at its next request instead of waiting out <see cref="SignInOptions.RevalidateSeconds"/>,
/// so a disabled user, a reset password or a new role takes effect at once (docs/security.md, "Users").
/// Other nodes learn it at their next periodic check.
/// </summary>
internal sealed class AccessChanges(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _changedAt = new(StringComparer.Ordinal);

    public void Note(string userName) => _changedAt[userName] = time.GetUtcNow();

    /// <summary>Whether the account changed at or after the cookie's last check.</summary>
    public bool ChangedSince(string userName, DateTimeOffset checkedAt) =>
        _changedAt.TryGetValue(userName, out var at) && at >= checkedAt;
}
