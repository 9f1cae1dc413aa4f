package plenary.command.drafting;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import plenary.drafting.ParagraphStatus;
import plenary.drafting.Participation;
import plenary.drafting.brackets.ObjectToAlternative;
import plenary.drafting.brackets.ProposeBridgingText;
import plenary.drafting.brackets.ProposeDeletion;
import plenary.drafting.brackets.ProposeOption;
import plenary.drafting.brackets.SupportAlternative;
import plenary.drafting.brackets.WithdrawAlternative;
import plenary.drafting.brackets.WithdrawBracket;
import plenary.drafting.paragraphs.AgreeParagraph;
import plenary.drafting.paragraphs.MoveParagraph;
import plenary.drafting.paragraphs.SetParagraphStatus;
import plenary.drafting.paragraphs.WithdrawAgreement;
import plenary.drafting.participants.ChangeParticipation;
import plenary.identity.Actor;

import java.util.List;
import java.util.Map;

/**
 * The rest of the negotiation at the table: positions on alternatives, withdrawals, options and bridging text,
 * deleting and moving paragraphs, their status and each delegation's agreement, and participation.
 */
@RestController
@RequestMapping("/api/drafts/{draftId}")
class NegotiationController {

    record Option(String text) {
    }

    record Bridging(List<String> replaces, String text) {
    }

    record Move(String after) {
    }

    record Status(ParagraphStatus status) {
    }

    record Agreement(Boolean adReferendum) {
    }

    record ParticipationChange(Participation participation) {
    }

    private final CommandSender commands;

    NegotiationController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/brackets/{bracketId}/alternatives/{alternativeId}/support")
    Map<String, Object> support(@PathVariable String draftId, @PathVariable String bracketId,
                                @PathVariable String alternativeId, Actor actor, IfMatch ifMatch) {
        return answer(new SupportAlternative(draftId, bracketId, alternativeId, actor), ifMatch, null);
    }

    @PostMapping("/brackets/{bracketId}/alternatives/{alternativeId}/objection")
    Map<String, Object> object(@PathVariable String draftId, @PathVariable String bracketId,
                               @PathVariable String alternativeId, Actor actor, IfMatch ifMatch) {
        return answer(new ObjectToAlternative(draftId, bracketId, alternativeId, actor), ifMatch, null);
    }

    @PostMapping("/brackets/{bracketId}/alternatives/{alternativeId}/withdraw")
    Map<String, Object> withdrawAlternative(@PathVariable String draftId, @PathVariable String bracketId,
                                            @PathVariable String alternativeId, Actor actor, IfMatch ifMatch) {
        return answer(new WithdrawAlternative(draftId, bracketId, alternativeId, actor), ifMatch, null);
    }

    @PostMapping("/brackets/{bracketId}/withdraw")
    Map<String, Object> withdrawBracket(@PathVariable String draftId, @PathVariable String bracketId, Actor actor,
                                        IfMatch ifMatch) {
        return answer(new WithdrawBracket(draftId, bracketId, actor), ifMatch, null);
    }

    @PostMapping(path = "/brackets/{bracketId}/bridging", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> bridge(@PathVariable String draftId, @PathVariable String bracketId, @RequestBody Bridging body,
                               Actor actor, IfMatch ifMatch) {
        return answer(new ProposeBridgingText(draftId, bracketId, body.replaces(), body.text(), actor), ifMatch,
                "alternativeId");
    }

    @PostMapping(path = "/paragraphs/{paragraphId}/options", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> option(@PathVariable String draftId, @PathVariable String paragraphId,
                               @RequestBody Option body, Actor actor, IfMatch ifMatch) {
        return answer(new ProposeOption(draftId, paragraphId, body.text(), actor), ifMatch, "alternativeId");
    }

    @PostMapping("/paragraphs/{paragraphId}/deletion")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> proposeDeletion(@PathVariable String draftId, @PathVariable String paragraphId, Actor actor,
                                        IfMatch ifMatch) {
        return answer(new ProposeDeletion(draftId, paragraphId, actor), ifMatch, "bracketId");
    }

    @PostMapping(path = "/paragraphs/{paragraphId}/move", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> move(@PathVariable String draftId, @PathVariable String paragraphId, @RequestBody Move body,
                             Actor actor, IfMatch ifMatch) {
        return answer(new MoveParagraph(draftId, paragraphId, body.after(), actor), ifMatch, null);
    }

    @PostMapping(path = "/paragraphs/{paragraphId}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> status(@PathVariable String draftId, @PathVariable String paragraphId,
                               @RequestBody Status body, Actor actor, IfMatch ifMatch) {
        return answer(new SetParagraphStatus(draftId, paragraphId, body.status(), actor), ifMatch, null);
    }

    @PostMapping(path = "/paragraphs/{paragraphId}/agreement", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> agree(@PathVariable String draftId, @PathVariable String paragraphId,
                              @RequestBody Agreement body, Actor actor, IfMatch ifMatch) {
        if (body.adReferendum() == null) {
            throw new Refusal.Invalid("adReferendum is required: true for agreement ad referendum, false for full");
        }
        return answer(new AgreeParagraph(draftId, paragraphId, body.adReferendum(), actor), ifMatch, null);
    }

    @DeleteMapping("/paragraphs/{paragraphId}/agreement")
    Map<String, Object> withdrawAgreement(@PathVariable String draftId, @PathVariable String paragraphId,
                                          Actor actor, IfMatch ifMatch) {
        return answer(new WithdrawAgreement(draftId, paragraphId, actor), ifMatch, null);
    }

    @PostMapping(path = "/delegations/{code}/participation", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> participation(@PathVariable String draftId, @PathVariable String code,
                                      @RequestBody ParticipationChange body, Actor actor, IfMatch ifMatch) {
        return answer(new ChangeParticipation(draftId, code, body.participation(), actor), ifMatch, null);
    }

    private Map<String, Object> answer(plenary.drafting.DraftCommand command, IfMatch ifMatch, String idName) {
        return CommandSender.answer(commands.send(command, ifMatch), idName);
    }
}
