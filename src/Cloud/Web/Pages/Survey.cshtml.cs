using AfterSales.Cloud.Feedback;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages;

/// <summary>The customer's survey, opened from a link on a phone without signing in: the token is the key.</summary>
internal sealed class SurveyModel(SurveyService desk) : PageModel
{
    public Survey? Survey { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Survey = await desk.FindAsync(token, cancellationToken);
        return Survey is null ? Unknown() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, int attitude, int skill, int arrival, int promises, string? comment, CancellationToken cancellationToken)
    {
        var result = await desk.AnswerAsync(token, attitude, skill, arrival, promises, comment, cancellationToken);
        if (result == SurveyAnswerResult.Unknown)
        {
            return Unknown();
        }

        Survey = await desk.FindAsync(token, cancellationToken);
        Message = result switch
        {
            SurveyAnswerResult.Saved => "Thank you. Your answers go straight to the service manager.",
            SurveyAnswerResult.AlreadyAnswered => "This survey was already answered. Thank you.",
            SurveyAnswerResult.Invalid => "Please choose one level for each of the four questions.",
            SurveyAnswerResult.Unknown => null,
            _ => throw new InvalidOperationException("Unknown survey result."),
        };
        return Page();
    }

    /// <summary>A mistyped or made-up link gets a readable page (with a 404), not a browser error.</summary>
    private PageResult Unknown()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
