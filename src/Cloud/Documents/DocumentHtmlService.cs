using System.Text.Encodings.Web;
using System.Text.Unicode;
using AfterSales.Cloud.Documents.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace AfterSales.Cloud.Documents;

/// <summary>
/// Renders a <see cref="ReportDocument"/> to HTML with the <see cref="DocumentPage"/> Razor
/// component, outside any request: reports are written by the calendar and mailed, not only
/// served. The renderer's own diagnostics go to the host's logs.
/// </summary>
internal sealed class DocumentHtmlService(ILoggerFactory loggers)
{
    // The components need no services but the encoder: one that leaves Chinese as text, not &#x…; escapes
    // (smaller mail, searchable archive), as the pages do; otherwise independent of the host's container.
    private static readonly IServiceProvider NoServices = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All)).BuildServiceProvider();

    public async Task<string> RenderAsync(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        await using var renderer = new HtmlRenderer(NoServices, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(DocumentPage.Document)] = document });
            var output = await renderer.RenderComponentAsync<DocumentPage>(parameters);
            return output.ToHtmlString();
        });
    }
}
