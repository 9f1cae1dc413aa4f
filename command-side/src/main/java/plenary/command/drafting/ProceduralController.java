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
import plenary.drafting.DraftCommand;
import plenary.drafting.footnotes.AddFootnote;
import plenary.drafting.footnotes.RemoveFootnote;
import plenary.drafting.paragraphs.RenumberParagraphs;
import plenary.drafting.procedure.BreakSilence;
import plenary.drafting.procedure.IssueCorrigendum;
import plenary.drafting.procedure.IssueRevision;
import plenary.drafting.procedure.SilenceSubject;
import plenary.drafting.procedure.StartSilenceProcedure;
import plenary.identity.Actor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The secretariat's procedural work on the text: footnotes, numbering, revisions, silence procedures and corrigenda. */
@RestController
@RequestMapping("/api/drafts/{draftId}")
class ProceduralController {

    record NewFootnote(String paragraphId, String quote, String text) {
    }

    record NewRevision(String label) {
    }

    record NewSilenceProcedure(Instant deadline, SilenceSubject subject) {
    }

    record SilenceBreak(String reason) {
    }

    private final CommandSender commands;

    ProceduralController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping(path = "/footnotes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> addFootnote(@PathVariable String draftId, @RequestBody NewFootnote body, Actor actor,
                                    IfMatch ifMatch) {
        return answer(new AddFootnote(draftId, body.paragraphId(), body.quote(), body.text(), actor), ifMatch, "label");
    }

    @DeleteMapping("/footnotes/{label}")
    Map<String, Object> removeFootnote(@PathVariable String draftId, @PathVariable String label, Actor actor,
                                       IfMatch ifMatch) {
        return answer(new RemoveFootnote(draftId, label, actor), ifMatch, null);
    }

    @PostMapping("/renumbering")
    Map<String, Object> renumber(@PathVariable String draftId, Actor actor, IfMatch ifMatch) {
        return answer(new RenumberParagraphs(draftId, actor), ifMatch, null);
    }

    @PostMapping("/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> revision(@PathVariable String draftId, @RequestBody(required = false) NewRevision body,
                                 Actor actor, IfMatch ifMatch) {
        Map<String, Object> answer = new LinkedHashMap<>(answer(new IssueRevision(draftId,
                body == null ? null : body.label(), actor), ifMatch, "label"));
        answer.put("checkpoint", commands.checkpointOf(draftId, (Long) answer.get("version")));
        return answer;
    }

    @PostMapping(path = "/silence-procedures", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> startSilence(@PathVariable String draftId, @RequestBody NewSilenceProcedure body,
                                     Actor actor, IfMatch ifMatch) {
        return answer(new StartSilenceProcedure(draftId, body.deadline(), body.subject(), actor), ifMatch,
                "procedureId");
    }

    @PostMapping(path = "/silence-procedures/current/break", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> breakSilence(@PathVariable String draftId, @RequestBody SilenceBreak body, Actor actor,
                                     IfMatch ifMatch) {
        return answer(new BreakSilence(draftId, body.reason(), actor), ifMatch, null);
    }

    @PostMapping(path = "/corrigenda", consumes = "text/markdown")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> corrigendum(@PathVariable String draftId, @RequestBody(required = false) byte[] markdown,
                                    Actor actor) {
        Receipt receipt = commands.send(new IssueCorrigendum(draftId, TextInput.check(markdown), actor),
                IfMatch.ABSENT);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("label", receipt.id());
        answer.put("version", receipt.version());
        answer.put("contentHash", receipt.contentHash());
        answer.put("checkpoint", commands.checkpointOf(draftId, receipt.version()));
        return answer;
    }

    private Map<String, Object> answer(DraftCommand command, IfMatch ifMatch, String idName) {
        return CommandSender.answer(commands.send(command, ifMatch), idName);
    }
}
