namespace AfterSales.Cloud.Tests.Web;

/// <summary>
/// How long a browser step may take before the test fails. Playwright's 30 s default is too short on
/// a 2-core CI machine that runs every test project at once; a passing step never waits for it.
/// </summary>
internal static class BrowserDeadline
{
    public const float Milliseconds = 120_000;
}
