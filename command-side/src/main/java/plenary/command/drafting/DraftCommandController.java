package plenary.command.drafting;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import plenary.drafting.DraftCommand;
import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.drafting.brackets.AcceptAlternative;
import plenary.drafting.brackets.BracketText;
import plenary.drafting.brackets.ProposeAlternative;
import plenary.drafting.draft.CreateDraft;
import plenary.drafting.paragraphs.ProposeParagraph;
import plenary.drafting.participants.AdmitDelegation;
import plenary.drafting.procedure.FinaliseDraft;
import plenary.identity.Actor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The drafting commands of API.md over HTTP. Each answers the draft's new version. */
@RestController
@RequestMapping("/api/drafts")
class DraftCommandController {

    record NewDraft(String reference, String title, String kind, String date, String venue) {
    }

    /** {@code observer} true admits an observer rather than a delegation. */
    record NewDelegation(String code, String name, Participation participation, Boolean observer) {
    }

    record NewParagraph(Section section, String after, String text) {
    }

    record NewBracket(String quote, Integer occurrence, List<String> alternatives, String reason) {
    }

    record NewAlternative(String text) {
    }

    record Acceptance(String alternativeId) {
    }

    private final CommandSender commands;

    DraftCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody NewDraft body, Actor actor) {
        String draftId = UUID.randomUUID().toString();
        commands.dispatch(new CreateDraft(draftId, body.reference(), body.title(), body.kind(), body.date(), body.venue(), actor),
                IfMatch.ABSENT);
        return Map.of("draftId", draftId, "version", 1);
    }

    @PostMapping(path = "/{draftId}/delegations", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> admit(@PathVariable String draftId, @RequestBody NewDelegation body, Actor actor,
                              IfMatch ifMatch) {
        return answer(send(new AdmitDelegation(draftId, body.code(), body.name(), body.participation(),
                Boolean.TRUE.equals(body.observer()), actor), ifMatch), null);
    }

    @PostMapping(path = "/{draftId}/paragraphs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> propose(@PathVariable String draftId, @RequestBody NewParagraph body, Actor actor,
                                IfMatch ifMatch) {
        return answer(send(new ProposeParagraph(draftId, body.section(), body.after(), body.text(), actor), ifMatch),
                "paragraphId");
    }

    @PostMapping(path = "/{draftId}/paragraphs/{paragraphId}/brackets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> bracket(@PathVariable String draftId, @PathVariable String paragraphId,
                                @RequestBody NewBracket body, Actor actor, IfMatch ifMatch) {
        int occurrence = body.occurrence() == null ? 1 : body.occurrence();
        if (occurrence < 1) {
            throw new Refusal.Invalid("occurrence counts from 1");
        }
        return answer(send(new BracketText(draftId, paragraphId, body.quote(), occurrence, body.alternatives(),
                body.reason(), actor), ifMatch), "bracketId");
    }

    @PostMapping(path = "/{draftId}/brackets/{bracketId}/alternatives", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> alternative(@PathVariable String draftId, @PathVariable String bracketId,
                                    @RequestBody NewAlternative body, Actor actor, IfMatch ifMatch) {
        return answer(send(new ProposeAlternative(draftId, bracketId, body.text(), actor), ifMatch), "alternativeId");
    }

    @PostMapping(path = "/{draftId}/brackets/{bracketId}/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> accept(@PathVariable String draftId, @PathVariable String bracketId,
                               @RequestBody Acceptance body, Actor actor, IfMatch ifMatch) {
        return answer(send(new AcceptAlternative(draftId, bracketId, body.alternativeId(), actor), ifMatch), null);
    }

    @PostMapping("/{draftId}/finalise")
    Map<String, Object> finalise(@PathVariable String draftId, Actor actor, IfMatch ifMatch) {
        Receipt receipt = send(new FinaliseDraft(draftId, actor), ifMatch);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", receipt.version());
        answer.put("contentHash", receipt.contentHash());
        answer.put("checkpoint", commands.checkpointOf(draftId, receipt.version()));
        return answer;
    }

    private Receipt send(DraftCommand command, IfMatch ifMatch) {
        return commands.send(command, ifMatch);
    }

    private static Map<String, Object> answer(Receipt receipt, String idName) {
        return CommandSender.answer(receipt, idName);
    }
}
