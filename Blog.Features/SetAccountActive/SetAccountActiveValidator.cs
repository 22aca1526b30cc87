using FluentValidation;

namespace Blog.Features.SetAccountActive;

internal sealed class SetAccountActiveValidator : AbstractValidator<SetAccountActiveRequest>
{
    public SetAccountActiveValidator() =>
        RuleFor(request => request.Username).NotEmpty().WithMessage("Name the account's username.");
}
