using Microsoft.Playwright;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>Steps the browser walks repeat: signing in as a person does, and signing a sheet with a finger.</summary>
internal static class BrowserSteps
{
    /// <param name="signInUrl">Relative to the context's base address, or absolute for a page opened without one.</param>
    public static async Task SignInAsync(IPage page, string user, string password = DeskHost.Password, string signInUrl = "/signin")
    {
        await page.GotoAsync(signInUrl);
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        // Only the move away from the sign-in page: what the next step needs from the page it waits for itself.
        // Waiting for the landing page's load event as well stalled this step for its whole two-minute timeout in
        // two full runs (a customer's phone landing on /portal), never when the test ran alone.
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>A wavy stroke across the signature pad, as a finger draws it.</summary>
    public static async Task DrawSignatureAsync(IPage page)
    {
        var box = await page.Locator("canvas.pad").BoundingBoxAsync() ?? throw new InvalidOperationException("no signature pad");
        await page.Mouse.MoveAsync(box.X + 30, box.Y + (box.Height * 0.7f));
        await page.Mouse.DownAsync();
        for (var i = 1; i <= 30; i++)
        {
            await page.Mouse.MoveAsync(box.X + 30 + (i * (box.Width - 60) / 30), box.Y + (box.Height * 0.5f) + (float)(Math.Sin(i / 3.0) * box.Height * 0.25));
        }

        await page.Mouse.UpAsync();
    }
}
