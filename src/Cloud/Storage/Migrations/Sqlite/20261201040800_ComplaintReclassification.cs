using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplaintReclassification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClassifiedAt",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClassifiedBy",
                table: "Complaints",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ComplaintClassifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromCause = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FromServiceAtFault = table.Column<bool>(type: "INTEGER", nullable: false),
                    ToCause = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ToServiceAtFault = table.Column<bool>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintClassifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintClassifications_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintClassifications_ComplaintId",
                table: "ComplaintClassifications",
                column: "ComplaintId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplaintClassifications");

            migrationBuilder.DropColumn(
                name: "ClassifiedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ClassifiedBy",
                table: "Complaints");
        }
    }
}
