using Bogus;
using Sked.Workflows.Domain.Cases;

namespace Sked.Workflows.Infrastructure.Demo;

/// <summary>Believable Persian submissions for demo data and the benchmark.</summary>
public static class DemoSubmissions
{
    private static readonly string[] Complaints =
    [
        "قطعی مکرر برق در محله",
        "قبض برق با مصرف واقعی هم‌خوانی ندارد",
        "کنتور برق خراب است و کار نمی‌کند",
        "تأخیر در وصل انشعاب جدید",
        "نوسان ولتاژ و آسیب به لوازم خانگی",
        "برخورد نامناسب مأمور قرائت کنتور",
    ];

    private static readonly string[] Questions =
    [
        "چگونه می‌توانم قبض برق را به‌صورت اینترنتی پرداخت کنم؟",
        "برنامه خاموشی‌های تابستان چگونه اعلام می‌شود؟",
        "هزینه انشعاب برق تکفاز چقدر است؟",
    ];

    private static readonly string[] Categories =
        [ReportCategories.ElectricityTheft, ReportCategories.EquipmentTheft, ReportCategories.MeterTampering, ReportCategories.Hazard, ReportCategories.RightOfWay];

    public static CaseSubmission Make(Faker faker, string type)
    {
        var subject = type == CaseTypes.CeoQuestion ? faker.PickRandom(Questions) : faker.PickRandom(Complaints);
        return new CaseSubmission
        {
            Type = type,
            Subject = subject.Length > 60 ? subject[..60] : subject,
            // Questions to the CEO repeat word for word, so the public ones can reach the FAQ.
            Body = type == CaseTypes.CeoQuestion
                ? $"{subject} لطفاً راهنمایی فرمایید."
                : $"{subject} نشانی: {faker.Address.City()}، {faker.Address.StreetName()}. لطفاً پیگیری فرمایید.",
            Citizen = new CitizenInput(faker.Name.FullName(), NationalCodeFor(faker), "0913" + faker.Random.ReplaceNumbers("#######"), null),
            AnswerType = type == CaseTypes.CeoQuestion ? faker.PickRandom(AnswerTypes.Private, AnswerTypes.Public) : null,
            Category = type == CaseTypes.PublicReport ? faker.PickRandom(Categories) : null,
            Location = type == CaseTypes.PublicReport
                ? new LocationInput(29.2 + faker.Random.Double(0, 1.5), 57.3 + faker.Random.Double(0, 1.5), faker.Address.StreetAddress())
                : null,
        };
    }

    public static string Answer(Faker faker) =>
        $"همشهری گرامی، موضوع بررسی و اقدام لازم انجام شد. کارشناس پیگیری: {faker.Name.LastName()}. با سپاس از همراهی شما.";

    /// <summary>A random national code with a correct check digit.</summary>
    public static string NationalCodeFor(Faker faker)
    {
        var digits = faker.Random.ReplaceNumbers("#########").Select(c => c - '0').ToArray();
        if (digits.Distinct().Count() == 1)
        {
            digits[0] = (digits[0] + 1) % 10;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += digits[i] * (10 - i);
        }

        var remainder = sum % 11;
        var check = remainder < 2 ? remainder : 11 - remainder;
        return string.Concat(digits) + check;
    }
}
