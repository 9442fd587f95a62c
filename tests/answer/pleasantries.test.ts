import { describe, expect, it } from "vitest";
import { asksAboutDocuments } from "../../src/answer/overview.js";
import { smallTalk, withoutPleasantries } from "../../src/answer/pleasantries.js";

describe("pleasantries", () => {
  it("When a chat message greets, thanks, says please or asks 'could you tell me', Then the question is read without it", () => {
    expect(withoutPleasantries("Hi, when is the forum?")).toBe("when is the forum?");
    expect(withoutPleasantries("hey what time does it open")).toBe("what time does it open");
    expect(withoutPleasantries("Hello! Can you please tell me when the forum was held? Thanks")).toBe("when the forum was held?");
    expect(withoutPleasantries("Could you tell me who moderated the panel?")).toBe("who moderated the panel?");
    expect(withoutPleasantries("Do you know if the museum is open on Monday?")).toBe("if the museum is open on Monday?");
    expect(withoutPleasantries("Hi there, I'd like to know where the venue is, thank you very much!")).toBe("where the venue is");
    expect(withoutPleasantries("Please give me the opening hours")).toBe("give me the opening hours");
    expect(withoutPleasantries("I’d like to know where the venue is")).toBe("where the venue is");
    expect(withoutPleasantries("Can you tell me about the tickets?")).toBe("tell me about the tickets?");
  });

  it("When the words are what is asked about, Then they stay: a greeting alone, a title, a quoted sign, thanks alone", () => {
    for (const message of ["hi", "Hello there!", "hello world song", "who sings hello", "tell me why i don't like mondays", "What does the 'please call' sign mean?", "Thanks!"]) {
      expect(withoutPleasantries(message), message).toBe(message);
    }
  });

  it("When a message is a greeting or thanks alone, or asks for help or what it can do, Then it asks what the documents are about", () => {
    for (const message of ["hi", "Hello!", "good morning", "Hi there", "help", "What can you do?", "Thanks!", "ok, thank you very much", "great, thanks for your help"]) {
      expect(asksAboutDocuments(message), message).toBe(true);
    }
    expect(smallTalk("Hi!")).toBe("greeting");
    expect(smallTalk("Thank you!")).toBe("thanks");
    expect(smallTalk("help")).toBeUndefined();
    expect(smallTalk("hi, when is the forum?")).toBeUndefined();
    expect(asksAboutDocuments("hello world")).toBe(false);
    expect(asksAboutDocuments("thanks to whom was the forum held")).toBe(false);
  });
});
