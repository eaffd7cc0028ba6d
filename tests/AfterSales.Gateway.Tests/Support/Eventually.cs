using System.Diagnostics;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>
/// Waits for a condition that depends on real I/O (bytes crossing a pseudo-terminal, a socket): polls it until a
/// deadline. Never used to let timers run: those are driven with FakeTimeProvider.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task TrueAsync(Func<bool> condition, string what, Action? eachRound = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Patience, $"timed out waiting for {what}");
            eachRound?.Invoke();
            await Task.Delay(10);
        }
    }
}
