namespace AfterSales.EndToEnd.Tests;

/// <summary>Waits for a condition on a real process with a bounded deadline.</summary>
internal static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Returns the first non-null result of <paramref name="probe"/>, or null when the deadline passes.</summary>
    public static async Task<T?> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var result = await probe();
            if (result is not null)
            {
                return result;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return null;
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>The same for value results such as a <c>JsonElement</c>.</summary>
    public static async Task<T?> UntilValueAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null)
        where T : struct =>
        await UntilAsync<object>(async () => await probe() is { } value ? value : null, timeout) is T found ? found : null;

    public static async Task<bool> UntilAsync(Func<Task<bool>> probe, TimeSpan? timeout = null) =>
        await UntilAsync<object>(async () => await probe() ? new object() : null, timeout) is not null;
}
