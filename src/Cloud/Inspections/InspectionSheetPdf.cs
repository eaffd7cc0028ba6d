using System.Globalization;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Documents;
using Microsoft.Extensions.Localization;
using SkiaSharp;

namespace AfterSales.Cloud.Inspections;

/// <summary>Everything printed on an inspection sheet, gathered before drawing so the drawing is pure.</summary>
public sealed record InspectionSheetData(InspectionJob Job, string SiteName, string? Customer, string? Address, string? TechnicianName, DateTimeOffset PrintedAt);

/// <summary>
/// Draws the monthly inspection record (月检记录) on A4 pages: every item with its result, the remarks and
/// the customer's signature, like the job sheet; labels in the reader's culture (docs/localization.md).
/// </summary>
public static class InspectionSheetPdf
{
    private const float Width = 595;
    private const float Height = 842;
    private const float Margin = 48;

    public static byte[] Render(InspectionSheetData data, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(T);

        var job = data.Job;
        using var fonts = PdfFonts.Use([T["Inspection record"], data.SiteName, data.Customer, data.Address, data.TechnicianName, job.SignerName, job.Remarks, .. job.Items.Select(i => T[i.Label] + i.Note)]);
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = T["Inspection record {0}", job.Id], Creator = "AfterSales" }))
        {
            using var writer = new Writer(document, T);
            writer.Draw(data);
            document.Close();
        }

        return output.ToArray();
    }

    private sealed class Writer(SKDocument document, IStringLocalizer T) : IDisposable
    {
        private readonly SKFont _title = new(PdfFonts.Bold, 18);
        private readonly SKFont _heading = new(PdfFonts.Bold, 11);
        private readonly SKFont _body = new(PdfFonts.Regular, 9.5f);
        private readonly SKFont _small = new(PdfFonts.Italic, 8);
        private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
        private readonly SKPaint _muted = new() { Color = new SKColor(0x66, 0x70, 0x85), IsAntialias = true };
        private readonly SKPaint _bad = new() { Color = new SKColor(0xB4, 0x23, 0x18), IsAntialias = true };
        private SKCanvas _canvas = null!;
        private float _y;
        private DateTimeOffset _printed;

        public void Draw(InspectionSheetData d)
        {
            var job = d.Job;
            _printed = d.PrintedAt;
            NewPage();
            _canvas.DrawText(T["Inspection record"], Margin, _y + 14, _title, _ink);
            _canvas.DrawText(T["Inspection {0} · {1}", job.Id, job.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)], Width - Margin, _y + 14, SKTextAlign.Right, _body, _muted);
            _y += 34;

            Row(T["Customer"], d.Customer ?? "—");
            Row(T["Site"], d.SiteName);
            Row(T["Address"], d.Address ?? "—");
            Row(T["Technician"], d.TechnicianName ?? "—");
            Row(T["Completed at"], Time(job.CompletedAt));

            foreach (var area in job.Items.GroupBy(i => i.Area).OrderBy(g => g.Key))
            {
                Section(AreaName(area.Key));
                foreach (var item in area.OrderBy(i => i.Position))
                {
                    Room(15);
                    _canvas.DrawText($"{item.Position}. {T[item.Label]}", Margin, _y + 10, _body, _ink);
                    _canvas.DrawText(ResultName(item.Result), Width - Margin, _y + 10, SKTextAlign.Right, _body, item.Result == ItemResult.Fail ? _bad : _ink);
                    _y += 13;
                    if (item.Note is { } note)
                    {
                        Wrapped(note, Margin + 14, _muted);
                    }
                }
            }

            Section(T["Remarks for the customer"]);
            Wrapped(job.Remarks ?? "—", Margin, _ink);

            Section(T["Customer's signature"]);
            if (job.Signature is { } png)
            {
                using var image = SKImage.FromEncodedData(png);
                if (image is not null)
                {
                    var scale = Math.Min(220f / image.Width, 80f / image.Height);
                    Room((image.Height * scale) + 20);
                    _canvas.DrawImage(image, SKRect.Create(Margin + 110, _y, image.Width * scale, image.Height * scale));
                    _y += (image.Height * scale) + 6;
                }

                Row(T["Signed by"], $"{job.SignerName}, {Time(job.SignedAt)}");
            }
            else
            {
                Row(string.Empty, T["not signed yet — the customer signs when the inspection is completed"]);
            }

            EndPage();
        }

        /// <summary>Starts a new page when fewer than <paramref name="height"/> points are left on this one.</summary>
        private void Room(float height)
        {
            if (_y + height > Height - 48)
            {
                EndPage();
                NewPage();
            }
        }

        private void NewPage()
        {
            _canvas = document.BeginPage(Width, Height);
            _y = Margin;
        }

        private void EndPage()
        {
            _canvas.DrawText(T["Printed {0} by AfterSales.", Time(_printed)], Margin, Height - 30, _small, _muted);
            document.EndPage();
        }

        private void Section(string title)
        {
            Room(40);
            _y += 10;
            _canvas.DrawText(title, Margin, _y + 10, _heading, _ink);
            _y += 18;
        }

        private void Row(string label, string value)
        {
            Room(15);
            _canvas.DrawText(label, Margin, _y + 10, _body, _muted);
            _canvas.DrawText(value, Margin + 110, _y + 10, _body, _ink);
            _y += 15;
        }

        private void Wrapped(string text, float left, SKPaint paint)
        {
            foreach (var line in LineBreakRules.Wrap(text, t => _body.MeasureText(t), Width - Margin - left))
            {
                Room(13);
                _canvas.DrawText(line, left, _y + 10, _body, paint);
                _y += 13;
            }

            _y += 2;
        }

        public void Dispose()
        {
            foreach (var font in new[] { _title, _heading, _body, _small })
            {
                font.Dispose();
            }

            foreach (var paint in new[] { _ink, _muted, _bad })
            {
                paint.Dispose();
            }
        }

        private string AreaName(InspectionArea area) => area switch
        {
            InspectionArea.FrontEnd => T["Front-end devices"],
            InspectionArea.Cabling => T["Cabling and wiring"],
            InspectionArea.CentralControl => T["Central control"],
            _ => T["System functions"],
        };

        private string ResultName(ItemResult result) => result switch
        {
            ItemResult.Pass => T["Pass"],
            ItemResult.Fail => T["Fail"],
            ItemResult.NotApplicable => T["n/a"],
            _ => T["Not checked"],
        };

        private static string Time(DateTimeOffset? at) => DisplayZone.Local(at)?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";
    }
}
